import Foundation

extension BenchReport {
    /// One row of the printed table: what, how much, the goal, and whether it is met.
    struct Row {
        var metric: String
        var value: String
        var target: String = ""
        var met: Bool?
    }

    var rows: [Row] {
        var rows: [Row] = []
        if let modelLoad {
            rows.append(Row(metric: "model load (first Extractor())", value: ms(modelLoad.firstMilliseconds)))
        }
        if let recognizerThroughput {
            rows.append(throughputRow("recognizer alone, gold tokens", recognizerThroughput, goal: 1_000_000))
        }
        if let recognizerUnavailable {
            rows.append(Row(metric: "recognizer alone, gold tokens", value: "not measured (\(recognizerUnavailable))"))
        }
        if let pipelineThroughput {
            rows.append(throughputRow("whole pipeline, raw text + JSON", pipelineThroughput, goal: 1_000_000))
        }
        if let startup {
            rows.append(Row(
                metric: "start → READY=1 (median of \(startup.runs))", value: ms(startup.readyMedianMilliseconds),
                target: "≤ 100 ms", met: startup.readyMedianMilliseconds <= 100))
            if let idle = startup.idleMemory {
                rows.append(Row(metric: "idle RSS at READY", value: mib(idle.residentKiB), target: "≤ 64 MiB", met: idle.residentKiB <= 64 * 1024))
            }
        }
        if let latency {
            let l = latency.latency
            rows.append(Row(
                metric: "drop → outbox, \(latency.articles) × \(latency.articleWords) words (durable)",
                value: String(format: "p50 %.2f  p90 %.2f  p99 %.2f  max %.2f ms", l.p50Milliseconds, l.p90Milliseconds, l.p99Milliseconds, l.maxMilliseconds),
                target: "p99 ≤ 5 ms", met: l.p99Milliseconds <= 5))
            if let memory = latency.finalMemory {
                rows.append(Row(metric: "  peak RSS (VmHWM), latency run", value: mib(memory.peakResidentKiB), target: "≤ 64 MiB", met: memory.peakResidentKiB <= 64 * 1024))
            }
        }
        for run in throughput {
            let label = "\(run.mode == .drop ? "burst drop" : "backlog at start") \(run.articles) × \(run.articleWords) words, \(run.durableWrites ? "durable" : "fsync off")"
            rows.append(Row(
                metric: label,
                value: String(format: "%.0f articles/s (%.1f s, %.2f CPU-ms/article)", run.articlesPerSecond, run.seconds, run.cpuMillisecondsPerArticle ?? .nan),
                target: run.durableWrites ? "≥ 2,000/s" : "", met: run.durableWrites ? run.articlesPerSecond >= 2000 : nil))
            let before = run.memoryBefore.map { mib($0.residentKiB) } ?? "?"
            let after = run.memoryAfter.map { mib($0.residentKiB) } ?? "?"
            let settled = run.memorySettled.map { mib($0.residentKiB) } ?? "?"
            let peak = run.memoryAfter.map { $0.peakResidentKiB } ?? run.maxSampledResidentKiB
            rows.append(Row(
                metric: "  RSS before → after → \(DaemonThroughputBenchmark.settleSeconds) s idle, peak (VmHWM)",
                value: "\(before) → \(after) → \(settled), peak \(mib(peak))",
                target: "≤ 64 MiB", met: peak <= 64 * 1024))
            if run.failed > 0 { rows.append(Row(metric: "  failed articles", value: "\(run.failed)", met: false)) }
        }
        return rows
    }

    /// The rows as an aligned plain-text table.
    func table() -> String {
        let header = Row(metric: "metric", value: "value", target: "target", met: nil)
        let all = [header] + rows
        let widths = (
            all.map(\.metric.count).max() ?? 0, all.map(\.value.count).max() ?? 0, all.map(\.target.count).max() ?? 0
        )
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        var lines = ["entityd bench (\(mode)), \(date)", "machine: \(machine.cpu), \(machine.cores) cores, \(machine.memoryGiB) GiB, Linux \(machine.kernel), \(machine.toolchain)",
            "load average at start: \(machine.loadAverage); at end: \(loadAverageAtEnd ?? "?")", ""]
        for row in all {
            // A smoke run checks that every measurement works; its numbers are not judged.
            let verdict = mode == "smoke" ? "" : row.met.map { $0 ? "ok" : "MISSED" } ?? ""
            lines.append("\(pad(row.metric, widths.0))  \(pad(row.value, widths.1))  \(pad(row.target, widths.2))  \(verdict)")
        }
        return lines.joined(separator: "\n")
    }

    private func throughputRow(_ label: String, _ t: ExtractionBenchmark.Throughput, goal: Double) -> Row {
        let runs = t.runsWordsPerCPUSecond
        let spread = runs.count > 1
            ? String(format: "; median of %d runs, %.0f–%.0f per CPU-s", runs.count, runs.min()!, runs.max()!) : ""
        return Row(
            metric: "\(label), \(t.words) words",
            value: String(format: "%.0f words/s (%.0f per CPU-s", t.wordsPerSecond, t.wordsPerCPUSecond) + spread + ")",
            target: "≥ \(Int(goal)) words/s", met: t.wordsPerSecond >= goal)
    }

    private func ms(_ value: Double) -> String { String(format: "%.1f ms", value) }
    private func mib(_ kib: Int) -> String { String(format: "%.1f MiB", Double(kib) / 1024) }
}
