import { policiesPageSchema } from "@/lib/schemas/policies";
import { defineUrlKeys } from "@/lib/url-state/url-keys";

// `/policies?tab=&search=&pattern=&pattern_type=&order=&direction=&page=&per_page=`: the routes' own query
// schema, key by key, so one bad value is named and the rest still applies.
const shape = policiesPageSchema.shape;
export const POLICIES_URL_KEYS = defineUrlKeys({
  tab: { schema: shape.tab.unwrap(), label: "List" },
  search: { schema: shape.search.unwrap(), label: "Search" },
  pattern: { schema: shape.pattern.unwrap(), label: "Pattern" },
  pattern_type: { schema: shape.pattern_type.unwrap(), label: "Pattern type" },
  order: { schema: shape.order.unwrap(), label: "Order" },
  direction: { schema: shape.direction.unwrap(), label: "Direction" },
  page: { schema: shape.page.unwrap(), label: "Page" },
  per_page: { schema: shape.per_page.unwrap(), label: "Page size" },
});
