// The bare endpoint of the Slack ack benchmark: Kestrel, no routing, no middleware. Every request's body is read to
// the end (as CoachBot must read it to check the signature) and answered with the exact status, content type and
// bytes CoachBot answered the same signed request with, captured once by run.sh. Loopback only.

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: CoachBot.Benchmarks.BareKestrel <port> <answer body file> <content type>");
    return 2;
}

var answer = await File.ReadAllBytesAsync(args[1]);
var contentType = args[2];
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{args[0]}");
var app = builder.Build();
app.Run(async context =>
{
    var buffer = new byte[16 * 1024];
    while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
    {
    }

    context.Response.StatusCode = StatusCodes.Status200OK;
    context.Response.ContentType = contentType;
    context.Response.ContentLength = answer.Length;
    await context.Response.Body.WriteAsync(answer, context.RequestAborted);
});
await app.RunAsync();
return 0;
