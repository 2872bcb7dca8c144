import { defineCaseAction } from '../define';
import { ReasonField } from '../reason-field';

export default defineCaseAction({
  action: 'withdraw',
  danger: true,
  Fields: () => <ReasonField label="撤回说明（请求人撤回请求）" />,
  toPayload: (v) => ({ reason: v.reason as string }),
});
