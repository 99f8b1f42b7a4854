namespace EcommerceBackupCdk.App.Config;

/// <summary>The <c>demoStore</c> key (<see cref="DemoStoreConfig"/>): the app's own demo resources, off by default.</summary>
internal static class DemoStoreSection
{
    private const double MaxGiB = 1_000_000;

    public static DemoStoreConfig Read(ConfigSection root)
    {
        var demo = new DemoStoreConfig();
        if (root.Section("demoStore") is not { } d)
        {
            return demo;
        }

        var enabled = d.Bool("enabled") ?? false;
        var config = new DemoStoreConfig
        {
            Enabled = enabled,
            OrdersGiB = Size(d, "ordersGiB") ?? demo.OrdersGiB,
            CartsGiB = Size(d, "cartsGiB") ?? demo.CartsGiB,
            MediaGiB = Size(d, "mediaGiB") ?? demo.MediaGiB,
        };
        d.RefuseWhileDisabled(enabled);
        return config;
    }

    private static double? Size(ConfigSection d, string name)
    {
        if (d.Value(name) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != System.Text.Json.JsonValueKind.Number || !v.TryGetDouble(out var size) || size <= 0 || size > MaxGiB)
        {
            d.Problems.Add(d.KeyOf(name), "is not a data size", v.ToString(), "a number of GiB above 0, at most 1000000");
            return null;
        }

        return size;
    }
}
