using EcommerceBackupCdk.RestoreDrill.Reports;

namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>
/// Resource types without a data-level check (EBS, EFS, EC2, FSx, ...). Reading a volume or file system needs
/// it attached or mounted in a VPC — out of scope for this validator. The drill is recorded as NOT_VALIDATED:
/// the restore job COMPLETED (AWS Backup's own recoverability check), no data was examined, and the report says so.
/// </summary>
public sealed class StateOnlyValidator : IResourceValidator
{
    public Task<ResourceValidation> ValidateAsync(ValidationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = context.Job.ResourceType ?? "unknown";
        IReadOnlyList<DrillCheck> checks =
        [
            DrillCheck.Skip("data.notValidated", $"{type} restores are not validated at the data level by this validator (it would have to attach or mount '{context.CreatedResourceArn}'); only the restore job state was checked"),
        ];
        return Task.FromResult(new ResourceValidation { Checks = checks, DataValidated = false });
    }
}
