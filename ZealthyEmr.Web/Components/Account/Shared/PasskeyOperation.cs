namespace ZealthyEmr.Web.Components.Account.Shared;

public enum PasskeyOperation
{
    Create,
    Request,
}
