using System.CommandLine;
using LocalOffer.Cli;
using LocalOffer.Cli.Commands;

// localoffer: one entry point for advisers (check, offer), councils (lint, publish),
// analysts (batch, synth, compare, whatif) and the web app (serve). Exit codes: 0 ok, 1 findings, 2 bad input.
var root = new RootCommand("LocalOffer: care leaver categories, entitlements and local offers for English councils");
foreach (var command in new[]
{
    CheckCommand.Create(),
    LintCommand.Create(),
    PublishCommand.Create(),
    CompareCommand.Create(),
    OfferCommand.Create(),
    BatchCommand.Create(),
    CaseloadCommand.Create(),
    SynthCommand.Create(),
    IndicatorsCommand.Create(),
    WhatIfCommand.Create(),
    ServeCommand.Create(),
})
    root.Subcommands.Add(command);

return await CliRunner.RunAsync(root, args);
