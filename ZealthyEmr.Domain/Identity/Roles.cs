namespace ZealthyEmr.Domain.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public const string Patient = "Patient";

    public const string AdminOrStaff = Admin + "," + Staff;

    public static readonly IReadOnlyList<string> All = [Admin, Staff, Patient];
}
