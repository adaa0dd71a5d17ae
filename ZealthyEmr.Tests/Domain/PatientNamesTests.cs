using ZealthyEmr.Domain.Patients;

namespace ZealthyEmr.Tests.Domain;

public sealed class PatientNamesTests
{
    [Theory]
    [InlineData("Mark Johnson", "JOHNSON MARK")]
    [InlineData("Mary Ann de la Cruz", "CRUZ MARY ANN DE LA")]
    [InlineData("José Álvarez", "ÁLVAREZ JOSÉ")]
    [InlineData("Cher", "CHER")]
    [InlineData("  Ann   Lee  ", "LEE ANN")]
    public void SortKey_IsTheLastWordThenTheGivenNames_UpperCase(string name, string expected) =>
        Assert.Equal(expected, PatientNames.SortKey(name));

    [Fact]
    public void SettingTheName_SetsTheSortName()
    {
        var patient = new Patient { Name = "Zoe Adams", Email = "zoe@clinic.test", UserId = "u" };

        patient.Name = "Zoe Brown";

        Assert.Equal("BROWN ZOE", patient.SortName);
    }
}
