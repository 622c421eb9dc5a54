package org.ordercycle.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * CPU time per process of the benchmark, from {@code /proc/<pid>/stat} (utime + stime, in clock ticks of 1/100 s),
 * grouped by a label ("sales-service", "sales-service-2", "postgres" = the postmaster and all its backends, …), and
 * the machine's busy share from {@code /proc/stat}. A {@link Sample} taken before and after a phase gives each
 * label's cores used over the phase: 1.0 = one core all the time. On a system without /proc every figure is 0.
 */
final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    /** label → pids, asked anew at every sample (PostgreSQL backends come and go). */
    private final Supplier<Map<String, List<Long>>> processes;

    ProcessCpu(Supplier<Map<String, List<Long>>> processes) {
        this.processes = processes;
    }

    record Sample(long nanos, Map<String, Long> ticks, long machineBusy, long machineTotal) {
    }

    Sample sample() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        processes.get().forEach((label, pids) -> ticks.put(label, pids.stream().mapToLong(ProcessCpu::ticks).sum()));
        long[] machine = machineTicks();
        return new Sample(System.nanoTime(), ticks, machine[0], machine[1]);
    }

    /** Cores used per label between two samples, the busiest first; "machine" = share of all cores busy (0–1). */
    static Map<String, Double> between(Sample from, Sample to) {
        double seconds = (to.nanos() - from.nanos()) / 1e9;
        Map<String, Double> cores = new LinkedHashMap<>();
        to.ticks().entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(),
                        Math.max(0, entry.getValue() - from.ticks().getOrDefault(entry.getKey(), entry.getValue()))
                                / TICKS_PER_SECOND / Math.max(seconds, 1e-3)))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> cores.put(entry.getKey(), Math.round(entry.getValue() * 100) / 100.0));
        long total = to.machineTotal() - from.machineTotal();
        cores.put("machine", total <= 0 ? 0.0
                : Math.round((to.machineBusy() - from.machineBusy()) * 100.0 / total) / 100.0);
        return cores;
    }

    /** utime + stime of the process, 0 if it is gone. */
    static long ticks(long pid) {
        return ticks(statFields(pid));
    }

    /** utime + stime from a stat line's fields, 0 if there are none (the process or thread is gone). */
    private static long ticks(String[] fields) {
        return fields == null ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * CPU seconds the JVM's JIT compiler threads ({@code C1/C2 CompilerThread…}, by their names in
     * {@code /proc/<pid>/task/<tid>/comm}) have used so far; threads the JVM has ended meanwhile are not counted.
     */
    static double compilerSeconds(long pid) {
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            return tasks.filter(ProcessCpu::isCompiler).mapToLong(task -> ticks(statFields(task.resolve("stat"))))
                    .sum() / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean isCompiler(Path task) {
        try {
            String name = Files.readString(task.resolve("comm"));
            return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
        } catch (IOException e) {
            return false; // the thread ended
        }
    }

    /** The parent's pid, -1 if unknown. */
    static long parent(long pid) {
        String[] fields = statFields(pid);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    /** The fields after the command name: [0] = state, [1] = ppid, … [11] = utime, [12] = stime. */
    private static String[] statFields(long pid) {
        return statFields(Path.of("/proc/" + pid + "/stat"));
    }

    private static String[] statFields(Path file) {
        try {
            String stat = Files.readString(file);
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** [busy, total] ticks of all cores since boot. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            long idle = Long.parseLong(cpu[4]) + (cpu.length > 5 ? Long.parseLong(cpu[5]) : 0);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
