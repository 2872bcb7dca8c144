import { defineCaseAction } from '../define';
import { ReasonField } from '../reason-field';

export default defineCaseAction({
  action: 'suspend',
  danger: true,
  Fields: () => <ReasonField label="中止理由" />,
  toPayload: (v) => ({ reason: v.reason as string }),
});
