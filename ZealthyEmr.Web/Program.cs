using ZealthyEmr.Domain;
using ZealthyEmr.Web.Infrastructure;
using ZealthyEmr.Web.Security;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddEmrDomain(builder.Configuration, builder.Environment.ContentRootPath);
builder.AddEmrWeb();

var app = builder.Build();
if (!app.CheckEmrConfiguration())
{
    return StartupChecks.ConfigurationErrorExitCode;
}

await app.InitializeEmrDatabaseAsync();
app.UseEmrPipeline();
app.MapEmrEndpoints();

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
