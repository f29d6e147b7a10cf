using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q11Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Newsroom2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectedAtUtc",
                table: "Articles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionNote",
                table: "Articles",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAtUtc",
                table: "Articles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FeaturedOrder",
                table: "Articles",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "TrashedAtUtc",
                table: "Articles",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrashedBy",
                table: "Articles",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TrashedFromStatus",
                table: "Articles",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PinnedRelatedArticles",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "int", nullable: false),
                    PinnedArticleId = table.Column<int>(type: "int", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PinnedRelatedArticles", x => new { x.ArticleId, x.PinnedArticleId });
                    table.ForeignKey(
                        name: "FK_PinnedRelatedArticles_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PinnedRelatedArticles_Articles_PinnedArticleId",
                        column: x => x.PinnedArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_ExpiresAtUtc",
                table: "Articles",
                columns: new[] { "Status", "ExpiresAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_TrashedAtUtc",
                table: "Articles",
                columns: new[] { "Status", "TrashedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PinnedRelatedArticles_PinnedArticleId",
                table: "PinnedRelatedArticles",
                column: "PinnedArticleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PinnedRelatedArticles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_ExpiresAtUtc",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_TrashedAtUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CorrectedAtUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CorrectionNote",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "ExpiresAtUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "FeaturedOrder",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TrashedAtUtc",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TrashedBy",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "TrashedFromStatus",
                table: "Articles");
        }
    }
}
