using Ducha.BuildingBlocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ducha.Persistence;

public static class JurisdictionRecordModel
{
    /// <summary>
    /// Maps a <see cref="JurisdictionRecord"/> to <paramref name="table"/>: keyed by its id (a GUID's text), its GB/T 2260
    /// code, and a unique idempotency key so that two concurrent retries cannot both file.
    /// </summary>
    public static EntityTypeBuilder<T> IsJurisdictionRecord<T>(this EntityTypeBuilder<T> entity, string table) where T : JurisdictionRecord
    {
        // By name: a lambda over the interface would name the interface's property, which is not the entity's.
        entity.ToTable(table);
        entity.HasKey(nameof(JurisdictionRecord.Id));
        entity.Property(nameof(JurisdictionRecord.Id)).HasMaxLength(36);
        entity.Property(nameof(JurisdictionRecord.JurisdictionCode)).HasMaxLength(12);
        entity.Property(nameof(JurisdictionRecord.IdempotencyKey)).HasMaxLength(100);
        entity.HasIndex(nameof(JurisdictionRecord.IdempotencyKey)).IsUnique();
        return entity;
    }
}
