namespace Comuna.Web.Pages.Shared;

/// <summary>
/// What the pager partial needs: where the list lives and where in it the reader is. <paramref name="Query"/>
/// is the rest of the address the pages keep (a search, already escaped), and <paramref name="Fragment"/>
/// the part of the page the list sits in.
/// </summary>
public sealed record PagerModel(string Path, int PageNumber, int PageCount, string? Query = null, string? Fragment = null)
{
    public string Href(int page) =>
        $"{Path}?{(string.IsNullOrEmpty(Query) ? "" : Query + "&")}pagina={page}{(string.IsNullOrEmpty(Fragment) ? "" : "#" + Fragment)}";
}
