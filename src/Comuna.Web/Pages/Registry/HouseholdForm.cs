namespace Comuna.Web.Pages.Registry;

/// <summary>The inputs of the new household form; <see cref="Comuna.Application.Registry.AddHousehold"/> checks them.</summary>
public sealed class HouseholdForm
{
    public string? HouseholdCode { get; set; }

    public string? Address { get; set; }
}
