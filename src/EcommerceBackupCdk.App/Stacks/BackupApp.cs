using Amazon.CDK;
using EcommerceBackupCdk.App.Config;
using EcommerceBackupCdk.Tiers;
using EcommerceBackupCdk.Topology;
using EcommerceBackupCdk.Vaults;

namespace EcommerceBackupCdk.App.Stacks;

/// <summary>
/// Builds the app's stacks from a validated config: primary, DR region (when copies go there), DR account (when copies
/// go there), and the demo store when <c>demoStore.enabled</c>.
/// </summary>
internal static class BackupApp
{
    public static (PrimaryBackupStack Primary, RecoveryVaultStack? DrRegion, RecoveryVaultStack? DrAccount, DemoStoreStack? DemoStore) Build(Amazon.CDK.App app, AppConfig config)
    {
        var store = config.Backup.StoreName;
        var names = new PhysicalNames(store);
        // Where each vault lives is the topology's: the recovery vault stacks are deployed there.
        var topology = BackupTopology.Of(config.Backup, config.PrimaryAccount, config.PrimaryRegion, null);

        RecoveryVaultStack? drRegion = null;
        if (topology.CopiesTo(CopyDestination.DrRegion))
        {
            var vault = topology.Vault(VaultRole.DrRegion);
            drRegion = new RecoveryVaultStack(app, names.RecoveryVaultStack(VaultRole.DrRegion), new RecoveryVaultStackProps
            {
                Env = new Amazon.CDK.Environment { Account = vault.Account, Region = vault.Region },
                Description = $"{store} backup: recovery vault in the DR region {vault.Region}.",
                Backup = config.Backup,
                Role = VaultRole.DrRegion,
                SourceAccount = config.PrimaryAccount,
                CrossRegionReferences = false,
            });
        }

        RecoveryVaultStack? drAccount = null;
        if (topology.CopiesTo(CopyDestination.DrAccount) || topology.CopiesTo(CopyDestination.AirGapped))
        {
            var vault = topology.Vault(VaultRole.DrAccount);
            drAccount = new RecoveryVaultStack(app, names.RecoveryVaultStack(VaultRole.DrAccount), new RecoveryVaultStackProps
            {
                Env = new Amazon.CDK.Environment { Account = vault.Account, Region = vault.Region },
                Description = $"{store} backup: recovery vault{(config.Backup.AirGappedVault is null ? "" : " and logically air-gapped vault")} in the DR account {vault.Account}.",
                Backup = config.Backup,
                Role = VaultRole.DrAccount,
                SourceAccount = config.PrimaryAccount,
            });
        }

        // The demo store comes first: the drills restore its databases into its VPC (deterministic subnet group name).
        var primaryName = names.PrimaryStack;
        DemoStoreStack? demoStore = null;
        if (config.DemoStore.Enabled)
        {
            demoStore = new DemoStoreStack(app, names.DemoStoreStack, new DemoStoreStackProps
            {
                Env = new Amazon.CDK.Environment { Account = config.PrimaryAccount, Region = config.PrimaryRegion },
                Description = $"{store} demo store: Aurora MySQL orders, DynamoDB carts and S3 media, enrolled in backup tiers by tag.",
                StoreName = store,
                Config = config.DemoStore,
                BackupStackName = primaryName,
                ControlTowerStrict = config.Backup.ControlTower.Strict,
            });
        }

        var primary = new PrimaryBackupStack(app, primaryName, new PrimaryBackupStackProps
        {
            Env = new Amazon.CDK.Environment { Account = config.PrimaryAccount, Region = config.PrimaryRegion },
            Description = $"{store} backup: primary vault, tiered backup plans, alerts and restore drills.",
            Backup = config.Backup,
            Drills = config.Drills,
            Recovery = config.Recovery,
            DemoDrillNetwork = demoStore?.DrillNetwork,
        });

        // Copies need the recovery vaults to exist first.
        if (drRegion is not null)
        {
            primary.AddDependency(drRegion, "copy actions write into the DR-region vault");
        }

        if (drAccount is not null)
        {
            primary.AddDependency(drAccount, "copy actions write into the DR-account vault");
        }

        foreach (var stack in new Stack?[] { primary, drRegion, drAccount, demoStore }.OfType<Stack>())
        {
            Tags.Of(stack).Add(TagContract.StoreKey, store);
        }

        return (primary, drRegion, drAccount, demoStore);
    }
}
