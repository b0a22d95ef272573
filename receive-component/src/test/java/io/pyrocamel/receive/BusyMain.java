package io.pyrocamel.receive;

/** A tiny busy program for the Java agent test: burns CPU until killed (or for at most two minutes). */
public final class BusyMain {

    private BusyMain() {
    }

    public static void main(String[] args) throws Exception {
        long end = System.currentTimeMillis() + 120_000;
        double x = 0;
        while (System.currentTimeMillis() < end) {
            x += work(10_000);
        }
        System.out.println(x);
    }

    static double work(int n) {
        double s = 0;
        for (int i = 1; i < n; i++) {
            s += Math.sqrt(i) * Math.sin(i);
        }
        return s;
    }
}
