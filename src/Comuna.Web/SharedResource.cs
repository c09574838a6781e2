namespace Comuna.Web;

/// <summary>The key for the pages' shared strings: Resources/SharedResource.es.resx and .en.resx.</summary>
public sealed class SharedResource;
