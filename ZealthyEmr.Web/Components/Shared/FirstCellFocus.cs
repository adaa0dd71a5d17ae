using Microsoft.JSInterop;
using MudBlazor;

namespace ZealthyEmr.Web.Components.Shared;

/// <summary>
/// Puts focus in an inline edit's first cell once its row opens, unless the user has already put it somewhere. MudBlazor's
/// AutoFocus did it unconditionally, and on Blazor Server that call arrives a round trip after the cells appear: a user
/// who clicked into another cell meanwhile had the rest of their typing go into the name (and Enter saved it there). It
/// was seen in a browser test on a loaded machine, the phone typed into the name cell.
/// </summary>
internal static class FirstCellFocus
{
    public static async Task OfferAsync<TDraft>(IJSRuntime js, InlineRowEdit<TDraft> edit, MudTextField<string>? cell)
        where TDraft : class
    {
        if (cell?.InputReference is not { } input || !edit.TakeFirstCellFocus())
        {
            return;
        }

        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", "./js/first-cell-focus.js");
            await module.InvokeVoidAsync("focusUnlessPlaced", input.ElementReference);
        }
        catch (JSDisconnectedException)
        {
            // The page is gone; there is nothing to focus.
        }
    }
}
