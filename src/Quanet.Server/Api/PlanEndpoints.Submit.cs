using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Quanet.Server.Plans;

namespace Quanet.Server.Api;

/// <summary><c>POST /api/v1/plans</c>: the body (JSON or multipart with files), the uploads, then one validation.</summary>
internal static partial class PlanEndpoints
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    private static async Task<IResult> Submit(HttpContext http, PlanJobRunner runner, PlanServerOptions limits, TimeProvider time, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("N");
        var problems = new List<string>();
        var directory = runner.JobDirectory(id);
        var input = Path.Combine(directory, "input");
        PlanSubmission? submission;
        string? demand = null, candidates = null;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(ct);
            submission = Parse(form["request"].ToString(), problems);
            demand = await SaveAsync(form.Files.GetFile("demand"), "demand", input, limits, problems, ct);
            candidates = await SaveAsync(form.Files.GetFile("candidates"), "candidates", input, limits, problems, ct);
        }
        else
        {
            using var reader = new StreamReader(http.Request.Body);
            submission = Parse(await reader.ReadToEndAsync(ct), problems);
        }

        if (submission is not null)
        {
            // the upload names are the server's to set: a client cannot point a job at a file of its choosing
            submission = submission with { DemandFile = demand, CandidatesFile = candidates };
            problems.AddRange(PlanSubmissionValidator.Build(submission, limits, input).Problems);
        }

        if (problems.Count > 0)
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            return BadRequest(string.Join("; ", problems));
        }

        var owner = http.User.Identity?.Name ?? "unknown";
        await runner.SubmitAsync(new PlanJobRecord(id, PlanJobStatus.Queued, owner, time.GetUtcNow(), PlanJobRunner.Serialize(submission!)), ct);
        return Results.Accepted($"/api/v1/plans/{id}", new { id, status = PlanJobStatus.Queued });
    }

    private static PlanSubmission? Parse(string body, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new PlanSubmission();
        }

        try
        {
            return JsonSerializer.Deserialize<PlanSubmission>(body, Strict) ?? new PlanSubmission();
        }
        catch (JsonException ex)
        {
            problems.Add($"the request is not a plan submission: {ex.Message}");
            return null;
        }
    }

    private static async Task<string?> SaveAsync(IFormFile? file, string field, string input, PlanServerOptions limits, List<string> problems, CancellationToken ct)
    {
        if (file is null)
        {
            return null;
        }

        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".geojson" or ".json"))
        {
            problems.Add($"{field} must be a .csv or .geojson file (got '{Path.GetFileName(file.FileName)}')");
            return null;
        }

        if (file.Length > limits.MaxUploadBytes)
        {
            problems.Add($"{field} is {file.Length} bytes; this server takes at most {limits.MaxUploadBytes}");
            return null;
        }

        Directory.CreateDirectory(input);
        var name = field + extension;
        await using (var target = File.Create(Path.Combine(input, name)))
        {
            await file.CopyToAsync(target, ct);
        }

        var rows = await CountRowsAsync(Path.Combine(input, name), extension == ".csv", ct);
        if (rows > limits.MaxDemandRows)
        {
            problems.Add($"{field} has {rows} rows; this server takes at most {limits.MaxDemandRows}");
        }

        return name;
    }

    // CSV: data lines (the header too, which errs on the safe side); GeoJSON: features
    private static async Task<int> CountRowsAsync(string path, bool csv, CancellationToken ct)
    {
        var rows = 0;
        await foreach (var line in File.ReadLinesAsync(path, ct))
        {
            rows += csv ? (line.Length > 0 ? 1 : 0) : CountOf(line, "\"Feature\"");
        }

        return rows;
    }

    private static int CountOf(string text, string word)
    {
        var count = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
