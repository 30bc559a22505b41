using LocalOffer.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LocalOffer.Cli;

/// <summary>
/// The services every command shares (Microsoft.Extensions.Hosting): the rules core, loaded once,
/// and logging to stderr at Warning and above, so that command output stays clean and no personal
/// data reaches a log at information level. Built on first use, so `--help` loads nothing.
/// </summary>
public static class CliHost
{
    private static readonly Lazy<IHost> Host = new(Build);

    public static IServiceProvider Services => Host.Value.Services;

    public static RulesCore Core => Services.GetRequiredService<RulesCore>();

    public static ILogger Logger(string category) => Services.GetRequiredService<ILoggerFactory>().CreateLogger(category);

    private static IHost Build()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(Environment.GetEnvironmentVariable("LOCALOFFER_LOG") is { } level && Enum.TryParse<LogLevel>(level, true, out var l) ? l : LogLevel.Warning);
        builder.Services.AddSingleton(_ => RulesCore.LoadDefault());
        return builder.Build();
    }
}
