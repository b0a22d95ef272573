package io.pyrocamel.write;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.pyrocamel.core.Labels;
import io.pyrocamel.core.PushProfile;
import io.pyrocamel.core.RawSample;
import io.pyrocamel.testsupport.PyroscopeDouble;

/**
 * Load benchmark, on demand ({@code ./mvnw -f write-component/pom.xml test -Pbenchmark}): profiles per second through
 * {@code pyroscope-write} into the ingester double on loopback, against a bare baseline in the same run — the same
 * PushRequest bytes posted to the same double by a raw Apache HttpClient 5 loop with the same concurrency. Prints the
 * numbers; asserts nothing about them.
 */
class WriteLoadBenchmark {

    static final int CONCURRENCY = Integer.getInteger("pyrocamel.benchmark.concurrency", 32);
    static final int PROFILES = Integer.getInteger("pyrocamel.benchmark.profiles", 20_000);
    static final int WARMUP = 3_000;

    @Test
    void profilesPerSecond() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("pyrocamel.benchmark"), "run with -Pbenchmark");
        byte[] pprof = new byte[1024];
        for (int i = 0; i < pprof.length; i++) {
            pprof[i] = (byte) (i * 31);
        }
        Labels labels = Labels.of("__name__", "process_cpu", "service_name", "bench", "env", "load");
        PushProfile profile = PushProfile.of(labels, RawSample.of(pprof));
        byte[] body = WriteRequests.pushRequest(profile, Map.of()).toByteArray();

        try (PyroscopeDouble pyroscope = PyroscopeDouble.builder().http2(false).start()) {
            double base1 = baseline(pyroscope, body, WARMUP);
            pyroscope.reset();
            double camel1;
            try (WriteHarness w = WriteHarness.start(pyroscope.url(), "maxConcurrentRequests=" + CONCURRENCY)) {
                producer(w, profile, WARMUP);
                pyroscope.reset();
                camel1 = producer(w, profile, PROFILES);
                pyroscope.reset();
            }
            double base2 = baseline(pyroscope, body, PROFILES);
            pyroscope.reset();
            System.out.printf("%nBENCHMARK pyroscope-write, %d profiles of %d bytes, concurrency %d, loopback HTTP/1.1%n",
                    PROFILES, pprof.length, CONCURRENCY);
            System.out.printf("BENCHMARK baseline (raw httpclient5 -> double): %.0f profiles/s (warm-up run %.0f)%n",
                    base2, base1);
            System.out.printf("BENCHMARK producer (direct -> pyroscope-write -> double): %.0f profiles/s%n", camel1);
            System.out.printf("BENCHMARK producer / baseline: %.2f%n%n", camel1 / base2);
        }
    }

    private static double producer(WriteHarness w, PushProfile profile, int n) throws Exception {
        org.apache.camel.AsyncProcessor to = org.apache.camel.support.AsyncProcessorConverterHelper.convert(
                w.context.getRoute("write").getConsumer().getProcessor());
        Semaphore permits = new Semaphore(CONCURRENCY);
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            permits.acquire();
            Exchange ex = new DefaultExchange(w.context);
            ex.getMessage().setBody(profile);
            to.process(ex, (AsyncCallback) doneSync -> {
                if (ex.getException() != null) {
                    failed.incrementAndGet();
                }
                permits.release();
                done.countDown();
            });
        }
        done.await(5, TimeUnit.MINUTES);
        double rate = n / ((System.nanoTime() - t0) / 1e9);
        if (failed.get() > 0) {
            System.out.println("BENCHMARK producer failures: " + failed.get());
        }
        return rate;
    }

    private static double baseline(PyroscopeDouble pyroscope, byte[] body, int n) throws Exception {
        try (CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnPerRoute(CONCURRENCY + 1).setMaxConnTotal(CONCURRENCY + 1).build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .disableContentCompression().build()) {
            client.start();
            Semaphore permits = new Semaphore(CONCURRENCY);
            CountDownLatch done = new CountDownLatch(n);
            String uri = pyroscope.url() + "/push.v1.PusherService/Push";
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                permits.acquire();
                SimpleHttpRequest req = SimpleHttpRequest.create("POST", uri);
                req.setBody(body, ContentType.create("application/proto", (java.nio.charset.Charset) null));
                req.setHeader("Connect-Protocol-Version", "1");
                client.execute(req, new FutureCallback<SimpleHttpResponse>() {
                    @Override
                    public void completed(SimpleHttpResponse r) {
                        permits.release();
                        done.countDown();
                    }

                    @Override
                    public void failed(Exception e) {
                        permits.release();
                        done.countDown();
                    }

                    @Override
                    public void cancelled() {
                        permits.release();
                        done.countDown();
                    }
                });
            }
            done.await(5, TimeUnit.MINUTES);
            return n / ((System.nanoTime() - t0) / 1e9);
        }
    }
}
