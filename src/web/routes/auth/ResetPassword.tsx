import { TokenPage } from '../../components/TokenPage';

export function ResetPassword() {
  return <TokenPage kind="reset" />;
}
