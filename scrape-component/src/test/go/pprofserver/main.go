// pprofserver: a Go program that serves the standard library's net/http/pprof endpoints, plus fgprof-like,
// custom and failing paths, for the pyroscope-scrape tests. Standard library only.
//
// Output on stdout: "LISTENING <port>" once, then "REQ <method> <request URI>" for every request.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math/rand"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"sync"
	"time"
)

var (
	out      sync.Mutex
	retained [][]byte
	mu       sync.Mutex
)

func logf(format string, args ...interface{}) {
	out.Lock()
	defer out.Unlock()
	fmt.Fprintf(os.Stdout, format+"\n", args...)
}

// work keeps the profiles non-empty: CPU, allocations, mutex contention and channel blocking.
func work() {
	go func() {
		for {
			x := 0
			for i := 0; i < 2000000; i++ {
				x += i * i
			}
			_ = x
			time.Sleep(20 * time.Millisecond)
		}
	}()
	go func() {
		for {
			b := make([]byte, 1024+rand.Intn(64*1024))
			mu.Lock()
			retained = append(retained, b)
			if len(retained) > 200 {
				retained = retained[100:]
			}
			mu.Unlock()
			time.Sleep(5 * time.Millisecond)
		}
	}()
	for i := 0; i < 4; i++ {
		go func() {
			for {
				mu.Lock()
				time.Sleep(time.Millisecond)
				mu.Unlock()
				time.Sleep(time.Millisecond)
			}
		}()
	}
	ch := make(chan int)
	go func() {
		for {
			time.Sleep(3 * time.Millisecond)
			ch <- 1
		}
	}()
	go func() {
		for range ch {
		}
	}()
}

func seconds(r *http.Request) time.Duration {
	s, err := strconv.Atoi(r.URL.Query().Get("seconds"))
	if err != nil || s <= 0 {
		return 0
	}
	return time.Duration(s) * time.Second
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	select {
	case <-time.After(d):
		return true
	case <-ctx.Done():
		return false
	}
}

func writeProfile(w http.ResponseWriter, name string) {
	w.Header().Set("Content-Type", "application/octet-stream")
	if err := pprof.Lookup(name).WriteTo(w, 0); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address")
	cert := flag.String("tls-cert", "", "TLS certificate (PEM)")
	key := flag.String("tls-key", "", "TLS key (PEM)")
	flag.Parse()

	runtime.SetMutexProfileFraction(1)
	runtime.SetBlockProfileRate(1)
	work()

	// a CPU profile recorded once, served by /bench/profile without profiling again (many at once in benchmarks)
	var cpu bytes.Buffer
	if err := pprof.StartCPUProfile(&cpu); err == nil {
		time.Sleep(300 * time.Millisecond)
		pprof.StopCPUProfile()
	}
	cpuBytes := cpu.Bytes()

	// fgprof-like: wall-clock over ?seconds=N, answered as a goroutine profile
	http.HandleFunc("/debug/fgprof", func(w http.ResponseWriter, r *http.Request) {
		if !sleepCtx(r.Context(), seconds(r)) {
			return
		}
		writeProfile(w, "goroutine")
	})
	http.HandleFunc("/custom/heap", func(w http.ResponseWriter, r *http.Request) {
		writeProfile(w, "heap")
	})
	http.HandleFunc("/custom/threads", func(w http.ResponseWriter, r *http.Request) {
		if !sleepCtx(r.Context(), seconds(r)) {
			return
		}
		writeProfile(w, "threadcreate")
	})
	http.HandleFunc("/bench/profile", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(cpuBytes)
	})
	// benchmark paths: the runtime's profiles recorded every 500ms and served from memory, so that thousands of
	// scrapes per second cost the server little while the cumulative profiles still grow between scrapes
	var cacheMu sync.RWMutex
	cache := map[string][]byte{}
	record := func() {
		for _, name := range []string{"allocs", "goroutine", "mutex", "block"} {
			var b bytes.Buffer
			pprof.Lookup(name).WriteTo(&b, 0)
			cacheMu.Lock()
			cache[name] = b.Bytes()
			cacheMu.Unlock()
		}
	}
	record()
	go func() {
		for range time.Tick(500 * time.Millisecond) {
			record()
		}
	}()
	for _, name := range []string{"allocs", "goroutine", "mutex", "block"} {
		name := name
		http.HandleFunc("/bench/"+name, func(w http.ResponseWriter, r *http.Request) {
			cacheMu.RLock()
			b := cache[name]
			cacheMu.RUnlock()
			w.Header().Set("Content-Type", "application/octet-stream")
			w.Write(b)
		})
	}
	http.HandleFunc("/fail/500", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "internal error: boom", http.StatusInternalServerError)
	})
	http.HandleFunc("/fail/slow", func(w http.ResponseWriter, r *http.Request) {
		sleepCtx(r.Context(), 60*time.Second)
		writeProfile(w, "goroutine")
	})
	http.HandleFunc("/fail/html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("<html><body>not a profile</body></html>"))
	})
	http.HandleFunc("/fail/json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write([]byte(`{"error": "this is not a profile at all"}`))
	})

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	logged := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		logf("REQ %s %s", r.Method, r.URL.RequestURI())
		http.DefaultServeMux.ServeHTTP(w, r)
	})
	logf("LISTENING %d", ln.Addr().(*net.TCPAddr).Port)
	srv := &http.Server{Handler: logged}
	if *cert != "" {
		err = srv.ServeTLS(ln, *cert, *key)
	} else {
		err = srv.Serve(ln)
	}
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
