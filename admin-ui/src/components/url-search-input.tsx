import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useDebouncedValue } from '../lib/use-debounced-value';
import { withFilter } from '../lib/url-filters';

interface UrlSearchInputProps {
  id: string;
  label: string;
  /** The search param it writes (`q`). */
  param: string;
  placeholder?: string;
}

/**
 * A search box that updates the URL after a pause in typing; a URL change from elsewhere (back
 * button, "Nullstill filtre") updates the box.
 */
export function UrlSearchInput({ id, label, param, placeholder }: UrlSearchInputProps) {
  const [searchParams, setSearchParams] = useSearchParams();
  const fromUrl = searchParams.get(param) ?? '';
  const [search, setSearch] = useState(fromUrl);
  const debounced = useDebouncedValue(search, 300);
  const lastDebounced = useRef(debounced);
  useEffect(() => {
    if (debounced === lastDebounced.current) return;
    lastDebounced.current = debounced;
    setSearchParams((current) => withFilter(current, param, debounced), { replace: true });
  }, [debounced, param, setSearchParams]);
  const [urlSearch, setUrlSearch] = useState(fromUrl);
  if (fromUrl !== urlSearch) {
    setUrlSearch(fromUrl);
    if (fromUrl !== search.trim()) setSearch(fromUrl);
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="search"
        name={param}
        value={search}
        maxLength={100}
        placeholder={placeholder}
        autoComplete="off"
        onChange={(event) => setSearch(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') setSearchParams((current) => withFilter(current, param, search), { replace: true });
        }}
      />
    </div>
  );
}
