namespace ZealthyEmr.Tests.Infrastructure;

/// <summary>
/// Browser test classes run one after another (each still gets its own app and Chromium): two Chromiums
/// and their apps at once on a 2-core machine turned timing into flakiness.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection
{
    public const string Name = "Browser";
}
