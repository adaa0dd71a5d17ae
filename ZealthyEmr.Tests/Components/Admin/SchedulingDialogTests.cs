using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Identity;
using ZealthyEmr.Domain.Medications;
using ZealthyEmr.Domain.Scheduling;
using ZealthyEmr.Domain.Seeding;
using ZealthyEmr.Tests.Infrastructure;
using ZealthyEmr.Web.Components.Pages.Admin.Patients;

namespace ZealthyEmr.Tests.Components.Admin;

public sealed class SchedulingDialogTests : DomainBunitTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await SignInAsAsync(DemoLogins.Admin, Roles.Admin);
    }

    [Fact]
    public async Task SeriesDialog_ClashWithAnotherPatientsSeries_ShowsTheProviderConflictWithItsFirstDate_AndWritesNothing()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var marks = await db.AppointmentSeries.Include(s => s.Provider).FirstAsync(s => s.Patient!.Email == DemoLogins.Mark && s.Repeat == RepeatKind.Weekly);
        var lisa = await db.Patients.SingleAsync(p => p.Email == DemoLogins.Lisa);
        var nextLocal = Services.GetRequiredService<ClinicCalendar>().ToLocal(await db.Visits.Where(v => v.SeriesId == marks.Id && v.Status == VisitStatus.Scheduled).MinAsync(v => v.StartUtc));
        var visitsBefore = await db.Visits.CountAsync();

        var host = Context.RenderMudProviders();
        var dialog = await ShowAsync<SeriesDialog>(host, new DialogParameters<SeriesDialog> { { d => d.PatientId, lisa.Id } });
        await host.InvokeAsync(() => dialog.FindComponent<MudSelect<Guid?>>().Instance.ValueChanged.InvokeAsync(marks.ProviderId));
        await host.InvokeAsync(() => dialog.FindComponent<MudDatePicker>().Instance.DateChanged.InvokeAsync(nextLocal.Date));
        await host.InvokeAsync(() => dialog.FindComponent<MudSelect<TimeOnly?>>().Instance.ValueChanged.InvokeAsync(TimeOnly.FromDateTime(nextLocal)));
        host.Find("[data-testid=save-series]").Click();

        host.WaitForAssertion(() => Assert.Contains(
            $"{nextLocal:MMMM d, yyyy}",
            host.Find("[data-testid=dialog-error]").TextContent));
        Assert.Contains(marks.Provider!.Name, host.Find("[data-testid=dialog-error]").TextContent);
        Assert.Equal(visitsBefore, await db.Visits.CountAsync());
    }

    [Fact]
    public async Task PrescriptionDialog_OffersOnlyTheChosenMedicationsStrengths()
    {
        var medications = await Services.GetRequiredService<MedicationService>().ListAsync();
        var ozempic = medications.Single(m => m.Name == "Ozempic");
        var metformin = medications.Single(m => m.Name == "Metformin");
        await using var db = await Services.GetRequiredService<IDbContextFactory<EmrDbContext>>().CreateDbContextAsync();
        var lisa = await db.Patients.SingleAsync(p => p.Email == DemoLogins.Lisa);

        var host = Context.RenderMudProviders();
        var dialog = await ShowAsync<PrescriptionDialog>(host, new DialogParameters<PrescriptionDialog> { { d => d.PatientId, lisa.Id } });
        var component = host.FindComponent<PrescriptionDialog>();
        await host.InvokeAsync(() => dialog.FindComponent<MudSelect<Guid?>>().Instance.ValueChanged.InvokeAsync(ozempic.Id));

        Assert.Equal(["1mg", "2mg"], component.Instance.Strengths);
        Assert.Equal("1mg", host.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Value));

        await host.InvokeAsync(() => dialog.FindComponent<MudSelect<Guid?>>().Instance.ValueChanged.InvokeAsync(metformin.Id));
        Assert.Equal(["250mg", "500mg", "1000mg"], component.Instance.Strengths);
        Assert.Equal("250mg", host.FindComponent<MudSelect<string>>().Instance.GetState(x => x.Value));
    }

    private async Task<IRenderedComponent<TDialog>> ShowAsync<TDialog>(IRenderedComponent<ContainerFragment> host, DialogParameters<TDialog> parameters)
        where TDialog : Microsoft.AspNetCore.Components.ComponentBase
    {
        var dialogs = Services.GetRequiredService<IDialogService>();
        await host.InvokeAsync(() => dialogs.ShowAsync<TDialog>("Test", parameters));
        host.WaitForAssertion(() => host.FindComponent<TDialog>());
        return host.FindComponent<TDialog>();
    }
}
