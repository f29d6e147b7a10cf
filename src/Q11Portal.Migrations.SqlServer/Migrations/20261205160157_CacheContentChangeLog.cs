using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q11Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class CacheContentChangeLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "ArticleId",
                table: "ContentChanges",
                newName: "EntityId");

            migrationBuilder.AddColumn<int>(
                name: "ContentKind",
                table: "ContentChanges",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContentKind",
                table: "ContentChanges");

            migrationBuilder.RenameColumn(
                name: "EntityId",
                table: "ContentChanges",
                newName: "ArticleId");
        }
    }
}
