using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Q11Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddDocumentsLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LibraryDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Symbol = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    ReferenceKey = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    KindNumberKey = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false),
                    Slug = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    Excerpt = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Issuer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Signer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Validity = table.Column<int>(type: "int", nullable: false),
                    ReplacedById = table.Column<int>(type: "int", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LibraryDocuments_LibraryDocuments_ReplacedById",
                        column: x => x.ReplacedById,
                        principalTable: "LibraryDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LibraryDocumentFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DocumentId = table.Column<int>(type: "int", nullable: false),
                    StoredName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(150)", maxLength: 150, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LibraryDocumentFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LibraryDocumentFiles_LibraryDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "LibraryDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LibraryDocumentFiles_DocumentId",
                table: "LibraryDocumentFiles",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_LibraryDocumentFiles_StoredName",
                table: "LibraryDocumentFiles",
                column: "StoredName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LibraryDocuments_IssuedOn",
                table: "LibraryDocuments",
                column: "IssuedOn");

            migrationBuilder.CreateIndex(
                name: "IX_LibraryDocuments_KindNumberKey",
                table: "LibraryDocuments",
                column: "KindNumberKey");

            migrationBuilder.CreateIndex(
                name: "IX_LibraryDocuments_ReferenceKey",
                table: "LibraryDocuments",
                column: "ReferenceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LibraryDocuments_ReplacedById",
                table: "LibraryDocuments",
                column: "ReplacedById");

            migrationBuilder.CreateIndex(
                name: "IX_LibraryDocuments_Slug",
                table: "LibraryDocuments",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LibraryDocumentFiles");

            migrationBuilder.DropTable(
                name: "LibraryDocuments");
        }
    }
}
