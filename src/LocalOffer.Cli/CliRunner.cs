using System.CommandLine;
using LocalOffer.Core.Input;
using LocalOffer.Core.Rules;

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
                foreach (var e in parse.Errors) err.WriteLine($"error: {e.Message}");
                return BadInput;
            }
            return await parse.InvokeAsync(config);
        }
        catch (InvalidInputException e)
        {
            foreach (var x in e.Errors) err.WriteLine($"error: {x}");
            return BadInput;
        }
        catch (RuleFileException e)
        {
            err.WriteLine($"error: rule file {e.Message}");
            return BadInput;
        }
        catch (CliUsageException e)
        {
            err.WriteLine($"error: {e.Message}");
            return BadInput;
        }
    }
}

/// <summary>A problem with the command line or a named file that the user must fix (exit 2).</summary>
public sealed class CliUsageException(string message) : Exception(message);
