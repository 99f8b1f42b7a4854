namespace EcommerceBackupCdk.Posture;

/// <summary>One line of a resource's estimated monthly cost.</summary>
/// <param name="Item">What is paid for, e.g. <c>primary vault warm storage</c>.</param>
/// <param name="Quantity">GB-months stored or GB transferred per month.</param>
/// <param name="UnitPriceUsd">Price per GB-month or GB from <see cref="PriceTable"/>.</param>
/// <param name="MonthlyUsd">Quantity times unit price.</param>
public sealed record CostLine(string Item, double Quantity, double UnitPriceUsd, double MonthlyUsd);
