package dk.hotline.bench;

import dk.hotline.db.LocalDatabase;
import dk.hotline.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the benchmark's parts share: the machine description, Markdown tables, progress lines and
 * a watchdog that bounds a run. The benchmark measures and prints; it asserts nothing (the
 * project's rule: numbers go in the README).
 */
final class BenchSupport {
    static final Path OUT = Path.of("target", "bench");

    private BenchSupport() {}

    private static final long STARTED = System.nanoTime();

    /** A line on stderr saying where the run is, with the seconds since it began. */
    static void progress(String what) {
        System.err.printf(Locale.ROOT, "bench %6.1f s: %s%n", (System.nanoTime() - STARTED) / 1e9, what);
    }

    /** Ends the JVM if the benchmark runs longer than {@code limit}; every run must be bounded. */
    static void watchdog(String name, Duration limit) {
        var t = new Thread(() -> {
            try {
                Thread.sleep(limit.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println(name + ": still running after " + limit.toSeconds() + " s, stopping");
            Runtime.getRuntime().halt(3);
        }, "bench-watchdog");
        t.setDaemon(true);
        t.start();
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** nproc, CPU model, memory, JVM, PostgreSQL server version and settings, and how busy the machine is. */
    static List<List<String>> machine() {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("nproc (JVM available processors)", String.valueOf(Runtime.getRuntime().availableProcessors())));
        rows.add(List.of("CPU", firstValue("/proc/cpuinfo", "model name")));
        rows.add(List.of("memory", firstValue("/proc/meminfo", "MemTotal")));
        rows.add(List.of("JVM (service, bare endpoint and harness)", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")"));
        rows.add(List.of("harness JVM options (not the measured JVMs)", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
        rows.add(List.of("PostgreSQL", postgresVersion()));
        rows.add(List.of("load average before the run (1, 5, 15 min)", loadAverage()));
        var quiet = Cpu.start();
        sleep(Duration.ofSeconds(1));
        rows.add(List.of("machine CPU busy in the 1 s before the run (%)", quiet.stop().machinePercent()));
        return rows;
    }

    private static String postgresVersion() {
        var server = TestDatabases.server();
        try (var c = LocalDatabase.connect(server); var st = c.createStatement();
             var rs = st.executeQuery("SELECT current_setting('server_version'), current_setting('synchronous_commit'), "
                     + "current_setting('fsync'), current_setting('shared_buffers'), current_setting('autovacuum')")) {
            rs.next();
            return rs.getString(1) + " at " + server.jdbcUrl().replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1")
                    + " (synchronous_commit=" + rs.getString(2) + ", fsync=" + rs.getString(3)
                    + ", shared_buffers=" + rs.getString(4) + ", autovacuum=" + rs.getString(5) + ")";
        } catch (Exception e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static String firstValue(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    /** A Markdown table with a header row. */
    static String table(List<String> header, List<List<String>> rows) {
        var sb = new StringBuilder();
        sb.append("| ").append(String.join(" | ", header)).append(" |\n");
        sb.append("|").append(header.stream().map(h -> " --- ").collect(Collectors.joining("|"))).append("|\n");
        for (var row : rows) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return sb.toString();
    }

    /** Prints the report and keeps a copy in {@code target/bench/<name>.md}. */
    static void report(String name, String markdown) {
        System.out.println(markdown);
        try {
            Files.createDirectories(OUT);
            Files.writeString(OUT.resolve(name + ".md"), markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fixed(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** 1-, 5- and 15-minute load averages: anything else running skews the figures. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * CPU used over a window: by this JVM (service, WireMock and load clients together) and by the
     * whole machine (which adds PostgreSQL and anything else), each as a share of all cores.
     */
    static final class Cpu {
        private final long wall0 = System.nanoTime();
        private final long jvm0 = jvmCpuNanos();
        private final long[] machine0 = machineTicks();
        private double jvmPercent;
        private double machinePercent;
        private long jvmNanos;

        static Cpu start() {
            return new Cpu();
        }

        Cpu stop() {
            long wall = System.nanoTime() - wall0;
            jvmNanos = jvmCpuNanos() - jvm0;
            int cores = Runtime.getRuntime().availableProcessors();
            jvmPercent = jvmNanos < 0 ? -1 : 100.0 * jvmNanos / ((double) wall * cores);
            long[] machine1 = machineTicks();
            long total = machine1[0] - machine0[0];
            machinePercent = total <= 0 ? -1 : 100.0 * (machine1[1] - machine0[1]) / total;
            return this;
        }

        String jvmPercent() {
            return jvmPercent < 0 ? "n/a" : fixed(jvmPercent, 0);
        }

        String machinePercent() {
            return machinePercent < 0 ? "n/a" : fixed(machinePercent, 0);
        }

        long jvmNanos() {
            return jvmNanos;
        }

        private static long jvmCpuNanos() {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                return os.getProcessCpuTime();
            }
            return -1;
        }

        /** {total, busy} jiffies of all cores from the first line of /proc/stat. */
        private static long[] machineTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                // user nice system idle iowait irq softirq steal (guest time is already in user)
                for (int i = 1; i <= 8 && i < f.length; i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total, total - idle};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }
    }
}
