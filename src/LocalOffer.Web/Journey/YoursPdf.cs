using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LocalOffer.Web.Journey;

/// <summary>
/// The young person's page as a PDF, printed by headless Chromium from this server's own loopback
/// address (never the Host header a client sends). The PDF comes back on Chromium's standard
/// output, so no file of it is written; Chromium's profile is a fresh temporary folder, deleted
/// after. One print at a time, at most <see cref="Timeout"/>, at most <see cref="MaxPdfBytes"/>:
/// a busy or missing Chromium is a "try again" page, never a hung request. Chromium has no session
/// cookie, and its command line can be read by anyone on the machine: it is given a ticket that
/// works once, for <see cref="TicketLifetime"/>, never the journey's handle (issue 24, item 6).
/// </summary>
public static class YoursPdf
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    public const int MaxPdfBytes = 10 << 20;
    /// <summary>
    /// Debian's chromium-headless-shell when installed, else Debian's chromium. The shell is the same Chromium
    /// release without the desktop browser around Blink: the same page printed with the same text, in about a
    /// third of the CPU (0.45 s against 1.3 s a print here, issue 30), and prints are one at a time.
    /// </summary>
    public static string Chromium => File.Exists(HeadlessShell) ? HeadlessShell : "/usr/bin/chromium";

    private const string HeadlessShell = "/usr/bin/chromium-headless-shell";
    public static readonly TimeSpan TicketLifetime = TimeSpan.FromSeconds(60);
    private static readonly SemaphoreSlim One = new(1, 1);

    public static void Map(WebApplication app)
    {
        app.MapGet("/check/yours.pdf", async (HttpContext http, string? s, string? lang, JourneyContext j, IServer server) =>
        {
            if (j.State(s) is not { } state) return j.Expired(http);
            var (history, _, errors) = j.Checked(state);
            if (history is null || errors.Count > 0) return Results.Redirect($"/check/answers?s={s}");
            var origin = Loopback(server);
            if (origin is null || !File.Exists(Chromium)) return Unavailable(j, http);
            if (!await One.WaitAsync(TimeSpan.FromSeconds(5))) return Unavailable(j, http);
            try
            {
                // ?lang=: the page printed in that language (only a known code reaches Chromium's address).
                var language = j.Templates.Languages.Find(lang);
                var query = language is null || language.IsEnglish ? "" : $"?lang={Uri.EscapeDataString(language.Code)}";
                var pdf = await Print($"{origin}/check/print/{Ticket(j.Store, state)}{query}", http.RequestAborted);
                var name = query.Length == 0 ? "your-support.pdf" : $"your-support-{language!.Code}.pdf";
                return pdf is null ? Unavailable(j, http) : Results.File(pdf, "application/pdf", name);
            }
            finally
            {
                One.Release();
            }
        }).ExcludeFromDescription();
        app.MapGet("/check/print/{ticket}", (HttpContext http, string ticket, JourneyContext j) =>
        {
            var dot = ticket.IndexOf('.');
            var packed = dot < 0 ? null : j.Store.Take(ticket[..dot], ticket[(dot + 1)..]);
            if (packed is null || JourneyState.Unpack(packed) is not { } state) return j.Expired(http);
            var (history, date, errors) = j.Checked(state);
            if (history is null || errors.Count > 0) return j.Expired(http);
            // The page's links are never followed in a PDF: it carries no handle.
            return ResultPage.Render(http, j, state, "", history, date, "yours");
        }).ExcludeFromDescription();
    }

    /// <summary>A one-use ticket for the answers: a session of its own (random) and the handle in it.</summary>
    private static string Ticket(JourneyStore store, JourneyState state)
    {
        var session = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        return $"{session}.{store.Save(session, state.Pack(), TicketLifetime)}";
    }

    private static IResult Unavailable(JourneyContext j, HttpContext http) => JourneyEndpoints.Page(j.Templates, "web/pdf-unavailable",
        new { site = JourneyPages.Site(http, j.Af), pageTitle = "Sorry, the PDF could not be made" }, 503);

    /// <summary>The address this server listens on, as a loopback URL, or null under a test host with none.</summary>
    private static string? Loopback(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1")
                .Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1"), UriKind.Absolute, out var uri))
            return null;
        return $"http://127.0.0.1:{uri.Port}";
    }

    private static async Task<byte[]?> Print(string url, CancellationToken aborted)
    {
        var profile = Directory.CreateTempSubdirectory("localoffer-pdf-");
        try
        {
            var start = new ProcessStartInfo(Chromium)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
                         $"--user-data-dir={profile.FullName}", "--print-to-pdf=/dev/stdout", url,
                     })
                start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(aborted);
            cts.CancelAfter(Timeout);
            _ = p.StandardError.ReadToEndAsync(cts.Token);
            using var buffer = new MemoryStream();
            try
            {
                var chunk = new byte[81920];
                int n;
                while ((n = await p.StandardOutput.BaseStream.ReadAsync(chunk, cts.Token)) > 0)
                {
                    if (buffer.Length + n > MaxPdfBytes) { p.Kill(true); return null; }
                    buffer.Write(chunk, 0, n);
                }
                await p.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                p.Kill(true);
                return null;
            }
            var bytes = buffer.ToArray();
            return p.ExitCode == 0 && bytes.AsSpan().StartsWith("%PDF"u8) ? bytes : null;
        }
        finally
        {
            try { profile.Delete(true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
