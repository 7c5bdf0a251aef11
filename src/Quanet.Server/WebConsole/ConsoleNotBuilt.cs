namespace Quanet.Server.WebConsole;

/// <summary>The page <c>/</c> answers when the build could not bundle the console (no Node.js/npm then).</summary>
internal static class ConsoleNotBuilt
{
    /// <summary>The sentence the page and the build warning share.</summary>
    public const string Reason = "console not built: Node.js/npm were not available at build time";

    public const string Page = $$"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Quanet console not built</title></head>
        <body>
        <h1>Quanet</h1>
        <p>{{Reason}}.</p>
        <p>The API works: see <code>/openapi/v1.json</code>. Install Node.js 18 or later with npm and build the server
        again (<code>dotnet build src/Quanet.Server</code>) to get the console.</p>
        </body>
        </html>
        """;
}
