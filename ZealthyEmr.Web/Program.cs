using ZealthyEmr.Domain;
using ZealthyEmr.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddEmrDomain(builder.Configuration, builder.Environment.ContentRootPath);
builder.AddEmrWeb();

var app = builder.Build();

await app.InitializeEmrDatabaseAsync();
app.UseEmrPipeline();
app.MapEmrEndpoints();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
