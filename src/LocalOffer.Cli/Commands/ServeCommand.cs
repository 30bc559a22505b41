using System.CommandLine;
using LocalOffer.Web;
using Microsoft.Extensions.Hosting;

namespace LocalOffer.Cli.Commands;

/// <summary>`localoffer serve [--urls http://127.0.0.1:5080]`: the adviser web app and JSON API (loopback by default).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen", DefaultValueFactory = _ => WebApp.DefaultUrl };
        var cmd = new Command("serve", "Run the personal adviser web app and JSON API") { urls };
        cmd.SetAction(async (parse, cancel) =>
        {
            var app = WebApp.Create(["--urls", parse.GetValue(urls)!]);
            parse.InvocationConfiguration.Error.WriteLine($"serve: listening on {parse.GetValue(urls)} (Ctrl+C to stop)");
            await app.StartAsync(cancel);
            await app.WaitForShutdownAsync(cancel);
            return CliRunner.Ok;
        });
        return cmd;
    }
}
