import { expect, test } from "./fixtures";

test("every validation error of the new-job form is shown next to its field, and nothing is sent", async ({ page, simulator }) => {
  await simulator.clearCalls();
  const form = page.getByRole("form", { name: "Bulk job" });
  const filters = page.getByRole("search", { name: "Message filters" });
  const create = form.getByRole("button", { name: "Create job" });

  // An empty search and a move without a destination.
  await page.goto("/bulk/new");
  await expect(page.getByRole("table", { name: "Dry run matches" })).not.toHaveAttribute("aria-busy", "true");
  await create.click();
  const destination = form.getByRole("combobox", { name: "Destination" });
  await expect(destination).toHaveAttribute("aria-invalid", "true");
  await expect(destination).toHaveAccessibleDescription("A move needs a destination");
  const everything = form.getByRole("checkbox", { name: "Act on every message the search matches" });
  await expect(everything).toHaveAttribute("aria-invalid", "true");
  await expect(everything).toHaveAccessibleDescription(/would act on every message/);

  // Fixing one leaves the other.
  await destination.selectOption("JunkEmail");
  await create.click();
  await expect(destination).not.toHaveAttribute("aria-invalid", "true");
  await expect(everything).toHaveAttribute("aria-invalid", "true");

  // End before start, in the search page's own date controls.
  await filters.getByRole("combobox", { name: "Date range" }).selectOption("custom");
  const day = (offset: number) => {
    const d = new Date(Date.now() - offset * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
  };
  await filters.getByLabel("Start", { exact: true }).fill(day(2));
  await filters.getByLabel("End", { exact: true }).fill(day(5));
  await filters.getByRole("button", { name: "Search" }).click();
  const end = filters.getByLabel("End", { exact: true });
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(end).toHaveAccessibleDescription("End must not be before start");
  await expect(page.getByRole("status").filter({ hasText: "Dry run not run" })).toBeVisible();
  await create.click();
  await expect(form.getByRole("alert")).toContainText("Fix the highlighted search filters");

  // A release of malicious mail: a warning, then a second confirmation, which can be declined.
  await page.goto("/bulk/new?final_disposition=MALICIOUS");
  await form.getByRole("radio", { name: "Release" }).check();
  await expect(form.getByRole("combobox", { name: "Destination" })).toHaveCount(0);
  await expect(form.getByRole("alert")).toContainText("This release includes malicious messages");
  await create.click();
  const dialog = page.getByRole("dialog", { name: "Release malicious messages?" });
  await expect(dialog).toContainText("known threats");
  await dialog.getByRole("button", { name: "Go back" }).click();
  await expect(dialog).toBeHidden();

  // A release whose search merely includes malicious mail is caught too.
  await page.goto("/bulk/new?delivery_status=quarantined");
  await form.getByRole("radio", { name: "Release" }).check();
  await expect(form.getByRole("alert")).toContainText("This release includes malicious messages");

  // None of it reached Cloudflare.
  const posts = (await simulator.calls()).filter((c) => c.method === "POST" && c.path.includes("/bulk"));
  expect(posts).toEqual([]);
});
