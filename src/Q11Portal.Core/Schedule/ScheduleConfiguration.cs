using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Q11Portal.Core.Schedule;

public sealed class ScheduleWeekConfiguration : IEntityTypeConfiguration<ScheduleWeek>
{
    public void Configure(EntityTypeBuilder<ScheduleWeek> b)
    {
        b.HasIndex(x => new { x.Year, x.Week }).IsUnique();
        b.Property(x => x.Note).HasMaxLength(500);
        b.Property(x => x.UpdatedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Entries).WithOne(e => e.Week).HasForeignKey(e => e.ScheduleWeekId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Revisions).WithOne().HasForeignKey(r => r.ScheduleWeekId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ScheduleEntryConfiguration : IEntityTypeConfiguration<ScheduleEntry>
{
    public void Configure(EntityTypeBuilder<ScheduleEntry> b)
    {
        b.Property(x => x.Content).HasMaxLength(ScheduleEntryRules.ContentMaxLength).IsRequired();
        b.Property(x => x.ChairedBy).HasMaxLength(ScheduleEntryRules.FieldMaxLength);
        b.Property(x => x.Attendees).HasMaxLength(ScheduleEntryRules.AttendeesMaxLength);
        b.Property(x => x.Venue).HasMaxLength(ScheduleEntryRules.FieldMaxLength);
        b.Property(x => x.PreparedBy).HasMaxLength(ScheduleEntryRules.FieldMaxLength);
        b.HasIndex(x => new { x.ScheduleWeekId, x.Day });
    }
}

public sealed class ScheduleRevisionConfiguration : IEntityTypeConfiguration<ScheduleRevision>
{
    public void Configure(EntityTypeBuilder<ScheduleRevision> b)
    {
        b.Property(x => x.Summary).HasMaxLength(500).IsRequired();
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.EntriesJson).IsRequired();
        b.HasIndex(x => new { x.ScheduleWeekId, x.Number }).IsUnique();
    }
}
