import { TokenPage } from '../../components/TokenPage';

export function AcceptInvitation() {
  return <TokenPage kind="invitation" />;
}
