namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// The original Zealthy front end's contract (its React client, written against an Express backend), served beside
/// ours over the same domain services. Its routes carry <see cref="Tag"/> in the OpenAPI document.
/// </summary>
public static class OriginalContract
{
    public const string Tag = "Original contract";

    /// <summary>The original client's naive datetimes: clinic wall-clock time to the minute, without an offset.</summary>
    public const string NaiveFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>Field names of the original bodies, as a 400 names them.</summary>
    public const string ProviderField = "provider";
    public const string MedicationField = "medication";
}
