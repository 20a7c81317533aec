import {
  Button as AriaButton,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  type Selection,
} from 'react-aria-components';
import { Icon, type IconName } from './icons';

export type MenuChoice = { id: string; label: string };

/**
 * A player button that opens a menu of choices, one of them chosen (quality, captions language). The menu is
 * drawn inside the player, so it shows in full screen too.
 */
export function PlayerMenu({
  icon,
  label,
  choices,
  selected,
  onChoose,
  container,
  pressed,
}: {
  icon: IconName;
  /** Name of the button and the menu, e.g. "Kvalitet: Auto". */
  label: string;
  choices: MenuChoice[];
  selected: string;
  onChoose: (id: string) => void;
  container: HTMLElement | null;
  pressed?: boolean;
}) {
  return (
    <MenuTrigger>
      <AriaButton className={`player-btn${pressed ? ' is-on' : ''}`} aria-label={label}>
        <Icon name={icon} />
      </AriaButton>
      <Popover
        className="player-popover"
        placement="top end"
        UNSTABLE_portalContainer={container ?? undefined}
      >
        <Menu
          className="player-menu"
          aria-label={label}
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[selected]}
          onSelectionChange={(keys: Selection) => {
            const key = keys === 'all' ? undefined : [...keys][0];
            if (key !== undefined) onChoose(String(key));
          }}
        >
          {choices.map((c) => (
            <MenuItem key={c.id} id={c.id} className="player-menu-item" textValue={c.label}>
              {({ isSelected }) => (
                <>
                  <span className="player-check" aria-hidden="true">
                    {isSelected ? '✓' : ''}
                  </span>
                  {c.label}
                </>
              )}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
