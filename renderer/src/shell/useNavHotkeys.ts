import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { navItems } from './navItems';

/** Alt+1/2/3 jump to 今日/登记/案件 from anywhere, including from inside a text field. */
export function useNavHotkeys(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      // e.code, not e.key: Alt+digit yields other characters on some layouts.
      const digit = /^(?:Digit|Numpad)(\d)$/.exec(e.code)?.[1];
      const item = navItems.find((i) => i.hotkey !== undefined && i.hotkey === digit);
      if (!item) return;
      e.preventDefault();
      void navigate(item.to);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
