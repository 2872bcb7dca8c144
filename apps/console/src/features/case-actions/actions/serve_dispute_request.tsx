import { defineCaseAction } from '../define';
import { ServiceFields, servicePayload } from './serve';

export default defineCaseAction({
  action: 'serve_dispute_request',
  Fields: () => <ServiceFields dateLabel="请求书送达日期" />,
  toPayload: servicePayload,
});
