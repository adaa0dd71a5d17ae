using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ZealthyEmr.Domain.Data;

/// <summary>
/// Identity reads its schema version from the application's services while building the model. The
/// design-time factories and tests have no app, so they get this provider with the same setting;
/// without it the migrations would miss the passkeys table.
/// </summary>
internal static class IdentityStoreServices
{
    public static readonly Version SchemaVersion = IdentitySchemaVersions.Version3;

    public static IServiceProvider Create() =>
        new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = SchemaVersion)
            .BuildServiceProvider();
}
