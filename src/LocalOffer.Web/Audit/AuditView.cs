using LocalOffer.Audit;
using LocalOffer.Audit.Output;
using LocalOffer.Batch.Output;
using LocalOffer.Web.Caseload;

namespace LocalOffer.Web.Audit;

/// <summary>
/// The /audit result page's model: the report's own values (<see cref="AuditReport.Model"/>, shown by the
/// same partial as the report folder's page), the rejects, and audit.csv, audit.xlsx and rejects.csv as
/// data links in the page (nothing is kept on the server to fetch later).
/// </summary>
public static class AuditView
{
    public static object Model(object site, AuditRun run)
    {
        var tables = new AuditTables(run);
        return new
        {
            site,
            pageTitle = "Your care leaver list checked against the law",
            council = run.Council?.Name,
            report = AuditReport.Model(run, tables),
            rejectCount = run.Rejects.Count,
            rejects = run.Rejects.Take(CaseloadLimits.MaxRejectsShown).Select(x => new
            {
                file = x.File, line = x.Line, column = x.Column, field = x.Field, reason = x.Reason,
            }).ToArray(),
            rejectsTruncated = run.Rejects.Count > CaseloadLimits.MaxRejectsShown,
            csv = DataLink.Of("text/csv;charset=utf-8", s => AuditCsv.Write(s, run)),
            xlsx = DataLink.Of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                s => AuditXlsx.Write(s, run, tables, $"Care leaver list audit as at {run.AsAt:yyyy-MM-dd}")),
            rejectsCsv = DataLink.Of("text/csv;charset=utf-8", s => RejectCsvWriter.Write(s, run.Rejects)),
        };
    }
}
