namespace Comuna.Web.Pages.Shared;

/// <summary>What the pager partial needs: where the list lives and where in it the reader is.</summary>
public sealed record PagerModel(string Path, int PageNumber, int PageCount);
