namespace EcommerceBackupCdk.RestoreDrill.Validators;

/// <summary>Validates one restored resource at the data level. Read-only: never modifies or deletes anything.</summary>
public interface IResourceValidator
{
    Task<ResourceValidation> ValidateAsync(ValidationContext context, CancellationToken cancellationToken);
}
