namespace ZealthyEmr.Domain.Notifications;

public sealed record EmailRecipient(Guid PatientId, string Name, string Email);
