using System.Buffers;
using System.Diagnostics;
using System.Text;
using LocalOffer.Core;
using LocalOffer.Core.Output;
using NodaTime;

namespace LocalOffer.Bench;

/// <summary>
/// `--web-check [N]` (issue 30): where one `POST /api/check` spends its CPU inside the app, one thread, warm:
/// the sample the load test posts (samples/young-people/former-relevant.json, as at 2026-11-22) taken through
/// each step the endpoint takes, N times a run, the median of the runs: the body's bytes made text, read and
/// checked (the validator alone beside it), assessed (without the explanation beside it), and the answer's JSON
/// written as the API writes it. CPU a step and bytes allocated a step. Kestrel, the middleware and the socket
/// are not here: `perf` on the running server shows them (bench/README.md, "The web app, Native AOT").
/// </summary>
public static class WebCheckPaths
{
    public static int Run(int n, int runs)
    {
        var core = RulesCore.LoadDefault();
        var bytes = File.ReadAllBytes(Path.Combine(RepoRoot(), "samples", "young-people", "former-relevant.json"));
        var asAt = new LocalDate(2026, 11, 22);
        var text = Encoding.UTF8.GetString(bytes);
        var history = core.Reader.Read(text).History!;
        var assessment = core.Engine.Assess(history, asAt);
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        var steps = new (string Name, Action Step)[]
        {
            ("body bytes to text", () => Encoding.UTF8.GetString(bytes)),
            ("read and check (Reader.Read)", () => core.Reader.Read(text)),
            ("  the validator alone", () => core.Validator.Validate(history)),
            ("Assess (with the explanation)", () => core.Engine.Assess(history, asAt)),
            ("  AssessWithoutExplanation", () => core.Engine.AssessWithoutExplanation(history, asAt)),
            ("JSON answer written (UTF-8)", () => { buffer.ResetWrittenCount(); Write(buffer, assessment); }),
            ("all of it, as the endpoint", () =>
            {
                var h = core.Reader.Read(Encoding.UTF8.GetString(bytes)).History!;
                buffer.ResetWrittenCount();
                Write(buffer, core.Engine.Assess(h, asAt));
            }),
        };
        Console.WriteLine($"{n:N0} a run, {runs} runs, medians; answer {Answer(assessment).Length:N0} bytes");
        foreach (var (name, step) in steps)
        {
            var cpu = new List<double>();
            var alloc = new List<double>();
            for (var r = 0; r < runs + 1; r++)
            {
                GC.Collect();
                var t0 = Process.GetCurrentProcess().TotalProcessorTime;
                var a0 = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < n; i++) step();
                var a1 = GC.GetAllocatedBytesForCurrentThread();
                var t1 = Process.GetCurrentProcess().TotalProcessorTime;
                if (r == 0) continue; // the warm-up: the JIT's tiers
                cpu.Add((t1 - t0).TotalMilliseconds * 1000 / n);
                alloc.Add((a1 - a0) / (double)n);
            }
            Console.WriteLine(
                $"{name,-32} {IndicatorsBench.Median(cpu),7:F1} us  {IndicatorsBench.Median(alloc),9:N0} B");
        }
        return 0;
    }

    /// <summary>The answer's bytes, as the API writes them.</summary>
    private static void Write(IBufferWriter<byte> buffer, LocalOffer.Core.Engine.Assessment a) =>
        AssessmentJson.WriteTo(buffer, a);

    private static byte[] Answer(LocalOffer.Core.Engine.Assessment a)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, a);
        return buffer.WrittenSpan.ToArray();
    }

    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "LocalOffer.sln"))) return d.FullName;
        throw new DirectoryNotFoundException("LocalOffer.sln not found above " + AppContext.BaseDirectory);
    }
}
