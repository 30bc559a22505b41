using System.CommandLine;
using LocalOffer.Core.Input;
using LocalOffer.Batch.Input;
using LocalOffer.Core.Rules;
using LocalOffer.Core.Safety;

namespace LocalOffer.Cli;

/// <summary>
/// Runs the parsed command and turns expected failures into messages and exit codes:
/// bad input and unreadable rule files exit 2 with a message, never a stack trace.
/// </summary>
public static class CliRunner
{
    public const int Ok = 0;
    public const int Findings = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var config = new InvocationConfiguration
        {
            Output = stdout ?? Console.Out,
            Error = stderr ?? Console.Error,
            EnableDefaultExceptionHandler = false,
        };
        var err = stderr ?? Console.Error;
        try
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var e in parse.Errors.Take(MaxErrors)) err.WriteLine($"error: {Line(e.Message)}");
                return BadInput;
            }
            return await parse.InvokeAsync(config);
        }
        catch (InvalidInputException e)
        {
            foreach (var x in e.Errors.Take(MaxErrors)) err.WriteLine($"error: {Line(x.ToString())}");
            if (e.Errors.Count > MaxErrors) err.WriteLine($"error: ... and {e.Errors.Count - MaxErrors:N0} more");
            return BadInput;
        }
        catch (RuleFileException e)
        {
            err.WriteLine($"error: rule file {Line(e.Message)}");
            return BadInput;
        }
        catch (Exception e) when (e is CliUsageException or InputFileException or OutputPathException or UnreadableInputException
            or InvalidUtf8Exception or DirectoryNotFoundException or FileNotFoundException)
        {
            err.WriteLine($"error: {Line(e.Message)}");
            return BadInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Disk full, a folder that vanished, no permission: outputs are written whole or not at all.
            err.WriteLine($"error: {Line(e.Message)} (nothing was written)");
            return BadInput;
        }
        catch (Exception e)
        {
            // Never a stack trace: one line saying what kind of failure it was, and how to report it.
            err.WriteLine($"error: the run stopped on an unexpected problem ({e.GetType().Name}: {Line(e.Message)}). " +
                "Nothing was written. Please report it with the command you ran (see docs/security.md), not the input.");
            return BadInput;
        }
    }

    /// <summary>At most this many errors are printed; the rest are counted.</summary>
    public const int MaxErrors = 50;

    /// <summary>A message made safe for a terminal: control characters stripped, length capped.</summary>
    private static string Line(string message) => string.Join(Environment.NewLine, message.Split('\n').Take(MaxErrors).Select(l => Printable.Clean(l.TrimEnd('\r'), 400)));
}

/// <summary>A problem with the command line or a named file that the user must fix (exit 2).</summary>
public sealed class CliUsageException(string message) : Exception(message);
