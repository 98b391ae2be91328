import { type JsonObject, optionalNumber, optionalString } from '../json-fields.js';

/** SES list paging: `PageSize` and an opaque `NextToken`, from the body or the query string. */
export function paginate<T>(
  items: T[],
  body: JsonObject,
  query: Pick<URLSearchParams, 'get'>,
): { page: T[]; nextToken?: string } {
  const querySize = Number(query.get('PageSize'));
  const pageSize = optionalNumber(body, 'PageSize') ?? (querySize > 0 ? querySize : undefined);
  const token = optionalString(body, 'NextToken') ?? query.get('NextToken') ?? undefined;
  const start = token === undefined ? 0 : Math.max(0, Number.parseInt(token, 10) || 0);
  const end = pageSize === undefined ? items.length : start + pageSize;
  return {
    page: items.slice(start, end),
    ...(end < items.length ? { nextToken: String(end) } : {}),
  };
}
