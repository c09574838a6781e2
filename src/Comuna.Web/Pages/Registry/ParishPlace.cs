using Comuna.Application.Registry;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Comuna.Web.Pages.Registry;

/// <summary>
/// The parish a council form names by its number, written out (parish, municipality, state) beside
/// the number, so that whoever types or follows one sees at once which parish it is.
/// </summary>
public static class ParishPlace
{
    private const string Key = "ParishPlace";

    /// <summary>Looks the parish up and hands it to the form's fields; null for no number or an unknown one.</summary>
    public static async Task<PlaceView?> ShowAsync(ViewDataDictionary viewData, RegistryQueries queries, int? parishId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewData);
        ArgumentNullException.ThrowIfNull(queries);
        var place = parishId is { } id && await queries.PlaceAsync(id, cancellationToken) is { IsSuccess: true } found ? found.Value : null;
        viewData[Key] = place;
        return place;
    }

    /// <summary>The parish <see cref="ShowAsync"/> found, for the fields to show.</summary>
    public static PlaceView? Of(ViewDataDictionary viewData) => viewData?[Key] as PlaceView;
}
