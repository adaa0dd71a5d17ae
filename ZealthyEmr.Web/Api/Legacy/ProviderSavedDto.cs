using ZealthyEmr.Web.Api.Providers;

namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>Our provider with the original contract's <c>{message, provider}</c> beside its fields.</summary>
public sealed record ProviderSavedDto(string Message, ProviderDto Provider) : ProviderDto(Provider);
